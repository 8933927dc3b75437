-- Neovim 0.7.2 as a third-party LSP client of dist/server.js (harness.md §3a).
-- Run: nvim --headless --clean -n -S test/nvim/attls.lua test/fixtures/nvim/unresolved-group.attls
-- Prints DIAG / HOVER / ACTION / AFTER-EDIT lines and PASS on stdout; exits 1 on the first failure.
-- ZOS_TLS_SERVER overrides the server path, ZOS_TLS_NODE the node binary.
local nvim = dofile(debug.getinfo(1, 'S').source:sub(2):match('^(.*[/\\])') .. 'client.lua')
local out, fail = nvim.out, nvim.fail

-- Neovim knows no 'attls' filetype; the filetype becomes the languageId of didOpen.
nvim.start('attls')
local bufnr = nvim.bufnr

-- 1) the published diagnostics
nvim.print_diagnostics('attls/unresolved-ref')

-- 2) hover on the TTLSRule keyword
nvim.hover({ line = 1, character = 3 }, function(text)
  return vim.split(text, '\n')[1] or ''
end)

-- 3) code actions for the diagnostic, with the context `vim.lsp.buf.code_action()` sends in 0.7
local d = nvim.find('attls/unresolved-ref')
local results = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
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
  return nvim.find('attls/unresolved-ref') == nil
end, 20) then
  fail('attls/unresolved-ref still there after the edit')
end
out('AFTER-EDIT ' .. #vim.diagnostic.get(bufnr) .. ' diagnostics')

-- 5) clean shutdown
nvim.shutdown()
