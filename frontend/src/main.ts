// Composition root for the browser code. The analyzer page is server-rendered (Thymeleaf + htmx);
// this bundle only adds small enhancements on top of it.
export {};
