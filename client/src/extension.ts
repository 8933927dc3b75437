// Placeholder until the client lands: the language client is started here.
export function activate(): void {}
export function deactivate(): void {}
