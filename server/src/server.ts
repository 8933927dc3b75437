// Placeholder until the LSP adapter lands.
export {};
