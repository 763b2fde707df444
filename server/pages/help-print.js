// The /help page's 🖨️ button: a script file, since the page's CSP allows no inline script.
// The button stays hidden where this does not run, so it never offers what it cannot do.
const button = document.querySelector('button.print');
if (button) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
// Lazy pictures below the fold would print as empty boxes: load them all before printing.
window.addEventListener('beforeprint', () => {
  for (const image of document.querySelectorAll('img[loading="lazy"]')) image.loading = 'eager';
});
