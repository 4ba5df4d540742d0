import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * People's pictures, requested only once their row is on screen: an `<img data-picture="url">`
 * gets its `src` when it first intersects the viewport (not the browser's `loading="lazy"`,
 * which starts loads well before: a board must not ask another host for pictures of people the
 * reader never scrolled to). A picture that fails to load is hidden, and the initials under it
 * show.
 */
export class LazyPictures implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #observer?: IntersectionObserver;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  hostUpdated(): void {
    const pictures = this.#host.shadowRoot?.querySelectorAll<HTMLImageElement>('img[data-picture]');
    if (!pictures?.length) return;
    this.#observer ??= new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const picture = entry.target as HTMLImageElement;
        this.#observer?.unobserve(picture);
        show(picture);
      }
    });
    for (const picture of pictures) {
      // A row reused for another person (a new board) shows the new picture at once.
      if (picture.hasAttribute('src')) {
        if (picture.getAttribute('src') !== picture.dataset['picture']) show(picture);
      } else this.#observer.observe(picture);
    }
  }
}

function show(picture: HTMLImageElement): void {
  picture.hidden = false;
  picture.onerror = () => {
    picture.hidden = true;
  };
  picture.src = picture.dataset['picture'] ?? '';
}
