// Filled in by the package's features; see the README.
export {};
