// Shows the print button only when scripts run; the page prints from the browser menu anyway.
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
