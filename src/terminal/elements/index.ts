// Placeholder written by the site engineer so the components can load it:
// the terminal engineer replaces this file with the definitions of the
// <sim-terminal>, <sim-cmd> and <sim-claim> custom elements (see
// /work/brief/markup.md). Until then the server-rendered markup is the page.
export {};
