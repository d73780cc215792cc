// Starts `argmap lsp` for the YAML files that are argument maps.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function settings() {
  const c = vscode.workspace.getConfiguration("argmap");
  return {
    warn: c.get("warn"),
    allow: c.get("allow"),
    requireVerified: c.get("requireVerified"),
    allowOutsideSources: c.get("allowOutsideSources"),
  };
}

function activate(context) {
  const config = vscode.workspace.getConfiguration("argmap");
  const command = config.get("path") || "argmap";
  const server = { command, args: ["lsp"] };
  client = new LanguageClient(
    "argmap",
    "argmap",
    { run: server, debug: server },
    {
      documentSelector: [
        { scheme: "file", language: "yaml", pattern: config.get("files") },
      ],
      initializationOptions: settings(),
      synchronize: { configurationSection: "argmap" },
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
