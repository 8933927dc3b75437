-- Neovim 0.7.2 as a third-party LSP client of dist/server.js on a JCL job with RACDCERT commands.
-- Run: nvim --headless --clean -n -S test/nvim/racf.lua test/fixtures/nvim/certjob.jcl
-- Prints DIAG / HOVER lines and PASS on stdout; exits 1 on the first failure.
-- ZOS_TLS_SERVER overrides the server path, ZOS_TLS_NODE the node binary.
local function out(s)
  io.stdout:write(s .. '\n')
end
local function fail(s)
  out('FAIL: ' .. s)
  vim.cmd('cquit 1')
end

local bufnr = vim.api.nvim_get_current_buf()
-- Neovim 0.7 has no 'jcl' filetype; the filetype becomes the languageId of didOpen, and users with a
-- JCL plugin get exactly this one.
vim.bo[bufnr].filetype = 'jcl'

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
  return find('racf/key-size') ~= nil
end, 20) then
  fail('no racf/key-size diagnostic within 15 s')
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

-- 2) hover on the 512 of SIZE(512), inside the SYSTSIN data
local d = find('racf/key-size')
local results = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  position = { line = d.lnum, character = d.col + 1 },
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
    -- One line, so that the test can look for what the whole hover says.
    out('HOVER ' .. text:gsub('\n', ' '))
  end
end
if not hovered then
  fail('empty hover')
end

-- 3) clean shutdown
vim.lsp.stop_client(client_id)
vim.wait(5000, function()
  return vim.lsp.get_client_by_id(client_id) == nil
end, 20)
out('PASS')
vim.cmd('qall!')
