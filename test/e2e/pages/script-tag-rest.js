// The test server's address changes with each run: the page takes it from its own query string
// (`?endpoint=…`) and writes the script tag a page would have, while the document is parsed.
const endpoint = new URLSearchParams(location.search).get('endpoint');
document.write(`<script src="/dist/relais.iife.js" data-adapter="rest" data-endpoint="${encodeURI(endpoint)}"></` + 'script>');
