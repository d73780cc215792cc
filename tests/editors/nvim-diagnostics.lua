-- Headless Neovim as a user's editor: open a map, attach `argmap lsp` with
-- the built-in client, wait for its diagnostics and write them out, one a
-- line: `CODE LINE:COLUMN MESSAGE` (the message's first line), sorted.
-- Works with Neovim 0.7 (Debian's) and later.
--
--   ARGMAP=target/debug/argmap ARGMAP_MAP=map.yaml ARGMAP_OUT=out.txt \
--     ARGMAP_EXPECT=3 nvim --headless --clean -c "luafile tests/editors/nvim-diagnostics.lua"
local argmap = os.getenv("ARGMAP")
local map = os.getenv("ARGMAP_MAP")
local out = os.getenv("ARGMAP_OUT")
local expect = tonumber(os.getenv("ARGMAP_EXPECT") or "1")

vim.cmd("edit " .. vim.fn.fnameescape(map))
local buf = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({
  name = "argmap",
  cmd = { argmap, "lsp" },
  root_dir = vim.fn.fnamemodify(map, ":p:h"),
})
vim.lsp.buf_attach_client(buf, client)

local done = vim.wait(20000, function()
  return #vim.diagnostic.get(buf) >= expect
end, 50)

local lines = {}
if not done then
  table.insert(lines, "timeout: " .. #vim.diagnostic.get(buf) .. " diagnostics")
end
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code
  if code == nil and d.user_data and d.user_data.lsp then
    code = d.user_data.lsp.code
  end
  local message = d.message:gsub("\n.*", "")
  table.insert(lines, string.format("%s %d:%d %s", code or "?", d.lnum + 1, d.col + 1, message))
end
table.sort(lines)
vim.fn.writefile(lines, out)
vim.lsp.stop_client(client)
vim.wait(2000, function()
  return vim.lsp.get_client_by_id(client) == nil
end, 50)
vim.cmd("qall!")
