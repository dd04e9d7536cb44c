// Printing a page (the shopping list): a module imported by the component, as the CSP forbids inline script.
// The print stylesheet (app.css, @media print) hides the shell, the navigation and the buttons.
export function print() {
    window.print();
}
