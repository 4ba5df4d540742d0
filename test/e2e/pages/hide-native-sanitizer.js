// A browser without the HTML Sanitizer API (Firefox and Safari when this was written): Relais
// falls back to DOMPurify, loaded when the charter's full text is first opened.
Object.defineProperty(Element.prototype, 'setHTML', { value: undefined, configurable: true, writable: true });
