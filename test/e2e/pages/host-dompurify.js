// The host page's own use of DOMPurify. With `?host-first`, the page sanitizes before Relais
// does (so the page's DOMPurify creates its `dompurify` Trusted Types policy first).
window.hostSanitize = () => window.DOMPurify.sanitize('<p>Bonjour <b>intranet</b><script>alert(1)</script></p>');
if (location.search.includes('host-first')) window.hostFirst = window.hostSanitize();
