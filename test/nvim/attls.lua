-- Neovim 0.7.2 as a third-party LSP client of dist/server.js (harness.md §3a).
-- Run: nvim --headless --clean -n -S test/nvim/attls.lua test/fixtures/nvim/unresolved-group.attls
-- Prints DIAG / HOVER / ACTION / AFTER-EDIT lines and PASS on stdout; exits 1 on the first failure.
-- ZOS_TLS_SERVER overrides the server path, ZOS_TLS_NODE the node binary.
local function out(s)
  io.stdout:write(s .. '\n')
end
local function fail(s)
  out('FAIL: ' .. s)
  vim.cmd('cquit 1')
end

local bufnr = vim.api.nvim_get_current_buf()
-- Neovim knows no 'attls' filetype; the filetype becomes the languageId of didOpen.
vim.bo[bufnr].filetype = 'attls'

local client_id = vim.lsp.start_client({
  name = 'zos-tls',
  cmd = {
    os.getenv('ZOS_TLS_NODE') or 'node',
    os.getenv('ZOS_TLS_SERVER') or (vim.fn.getcwd() .. '/dist/server.js'),
    '--stdio',
  },
  root_dir = vim.fn.getcwd(),
  init_options = { zosTls = { zosRelease = '3.1' } },
  on_exit = function(code)
    out('server exited ' .. tostring(code))
  end,
})
if not client_id then
  fail('start_client returned nil')
end
vim.lsp.buf_attach_client(bufnr, client_id)

local function code_of(d)
  -- 0.7 keeps the LSP diagnostic in user_data.lsp; later versions also copy `code`.
  local lsp = d.user_data and d.user_data.lsp or {}
  return d.code or lsp.code
end

local function find(rule)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if code_of(d) == rule then
      return d
    end
  end
  return nil
end

-- 1) the published diagnostics
if not vim.wait(15000, function()
  return find('attls/unresolved-ref') ~= nil
end, 20) then
  fail('no attls/unresolved-ref diagnostic within 15 s')
end
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  out(string.format(
    'DIAG %d:%d-%d %s severity=%d source=%s href=%s',
    d.lnum,
    d.col,
    d.end_col,
    tostring(code_of(d)),
    d.severity,
    tostring(d.source),
    tostring(lsp.codeDescription and lsp.codeDescription.href)
  ))
end

-- 2) hover on the TTLSRule keyword
local uri = vim.uri_from_bufnr(bufnr)
local results = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
  textDocument = { uri = uri },
  position = { line = 1, character = 3 },
}, 5000)
if not results then
  fail('hover timed out')
end
local hovered = false
for _, r in pairs(results) do
  if r.err then
    fail('hover error ' .. vim.inspect(r.err))
  end
  if r.result then
    local c = r.result.contents
    local text = type(c) == 'table' and (c.value or vim.inspect(c)) or tostring(c)
    hovered = true
    out('HOVER ' .. (vim.split(text, '\n')[1] or ''))
  end
end
if not hovered then
  fail('empty hover')
end

-- 3) code actions for the diagnostic, with the context `vim.lsp.buf.code_action()` sends in 0.7
local d = find('attls/unresolved-ref')
results = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
  textDocument = { uri = uri },
  range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.lnum, character = d.col } },
  context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, d.lnum) },
}, 5000)
if not results then
  fail('codeAction timed out')
end
for _, r in pairs(results) do
  if r.err then
    fail('codeAction error ' .. vim.inspect(r.err))
  end
  for _, a in ipairs(r.result or {}) do
    out('ACTION ' .. a.title)
  end
end

-- 4) fix the name: didChange, and the diagnostic goes
vim.api.nvim_buf_set_lines(bufnr, 5, 6, false, { '  TTLSGroupActionRef grp' })
if not vim.wait(10000, function()
  return find('attls/unresolved-ref') == nil
end, 20) then
  fail('attls/unresolved-ref still there after the edit')
end
out('AFTER-EDIT ' .. #vim.diagnostic.get(bufnr) .. ' diagnostics')

-- 5) clean shutdown
vim.lsp.stop_client(client_id)
vim.wait(5000, function()
  return vim.lsp.get_client_by_id(client_id) == nil
end, 20)
out('PASS')
vim.cmd('qall!')
