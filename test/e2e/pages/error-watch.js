// Records every error that reaches the window (an exception thrown while a script ran) and
// whether a handler took care of it (`defaultPrevented`: no "Uncaught" in the console).
window.pageErrors = [];
window.addEventListener('error', (event) => {
  window.pageErrors.push(event);
});
