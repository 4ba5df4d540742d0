import { expect } from '@open-wc/testing';
import { resource } from '../../../src/client/resource.js';

/** A loader whose calls the test resolves or rejects by hand, in any order. */
function manualLoader<T>() {
  const calls: { resolve: (value: T) => void; reject: (error: unknown) => void }[] = [];
  const load = () => new Promise<T>((resolve, reject) => calls.push({ resolve, reject }));
  return { load, calls };
}

describe('resource', () => {
  it('loads once however many times it is asked, and again when forced', async () => {
    const loader = manualLoader<number>();
    const item = resource(loader.load);
    const first = item.load();
    const second = item.load();
    expect(loader.calls).to.have.length(1);
    loader.calls[0]!.resolve(1);
    expect(await first).to.deep.equal({ status: 'ready', value: 1 });
    expect(await second).to.deep.equal({ status: 'ready', value: 1 });
    await item.load();
    expect(loader.calls).to.have.length(1);
    const forced = item.load(true);
    loader.calls[1]!.resolve(2);
    expect(await forced).to.deep.equal({ status: 'ready', value: 2 });
  });

  it('keeps the newer value when an older load finishes after a forced reload', async () => {
    const loader = manualLoader<string>();
    const item = resource(loader.load);
    const older = item.load();
    const newer = item.load(true);
    loader.calls[1]!.resolve('new');
    loader.calls[0]!.resolve('old');
    expect(await newer).to.deep.equal({ status: 'ready', value: 'new' });
    expect(await older).to.deep.equal({ status: 'ready', value: 'new' });
    expect(item.$state.get()).to.deep.equal({ status: 'ready', value: 'new' });
  });

  it('does not forget a newer load under way when an older one finishes first', async () => {
    const loader = manualLoader<string>();
    const item = resource(loader.load);
    const older = item.load();
    const newer = item.load(true);
    loader.calls[0]!.resolve('old');
    // Asked now, the resource must wait for the newer load rather than answer "loading".
    const askedMeanwhile = item.load();
    loader.calls[1]!.resolve('new');
    expect(await older).to.deep.equal({ status: 'ready', value: 'new' });
    expect(await askedMeanwhile).to.deep.equal({ status: 'ready', value: 'new' });
    expect(await newer).to.deep.equal({ status: 'ready', value: 'new' });
    expect(loader.calls).to.have.length(2);
  });

  it('turns a failure into an error state and loads again on retry', async () => {
    const loader = manualLoader<number>();
    const item = resource(loader.load);
    const failed = item.load();
    loader.calls[0]!.reject(new Error('503'));
    expect((await failed).status).to.equal('error');
    expect(item.$state.get().error?.message).to.equal('503');
    const retried = item.load(true);
    expect(item.$state.get().status, 'shows loading while retrying').to.equal('loading');
    loader.calls[1]!.resolve(7);
    expect(await retried).to.deep.equal({ status: 'ready', value: 7 });
  });

  it('lets an optimistic set win over a load that was under way', async () => {
    const loader = manualLoader<number>();
    const item = resource(loader.load);
    const loading = item.load();
    item.set(42);
    loader.calls[0]!.resolve(1);
    await loading;
    expect(item.$state.get()).to.deep.equal({ status: 'ready', value: 42 });
  });
});
