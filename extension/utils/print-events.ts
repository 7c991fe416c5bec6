/**
 * The DOM event the main-world print guard dispatches when the page calls `window.print()`.
 * @module
 */
export const PRINT_REQUEST_EVENT = 'trolyso:print-request'
