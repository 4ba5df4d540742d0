// Records every Content-Security-Policy violation and console message, for the end-to-end tests.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI}`);
});
window.consoleMessages = [];
for (const level of ['warn', 'error']) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    window.consoleMessages.push({ level, text: args.map(String).join(' ') });
    original(...args);
  };
}
