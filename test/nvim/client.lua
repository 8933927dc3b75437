-- Shared by test/nvim/attls.lua and test/nvim/racf.lua: starts dist/server.js as Neovim 0.7.2's
-- LSP client on the current buffer and offers the steps both scripts take.
-- ZOS_TLS_SERVER overrides the server path, ZOS_TLS_NODE the node binary.
local M = {}

function M.out(s)
  io.stdout:write(s .. '\n')
end

function M.fail(s)
  M.out('FAIL: ' .. s)
  vim.cmd('cquit 1')
end

-- Sets the buffer's filetype (it becomes the languageId of didOpen) and attaches the server.
function M.start(filetype)
  M.bufnr = vim.api.nvim_get_current_buf()
  vim.bo[M.bufnr].filetype = filetype

  M.client_id = vim.lsp.start_client({
    name = 'zos-tls',
    cmd = {
      os.getenv('ZOS_TLS_NODE') or 'node',
      os.getenv('ZOS_TLS_SERVER') or (vim.fn.getcwd() .. '/dist/server.js'),
      '--stdio',
    },
    root_dir = vim.fn.getcwd(),
    init_options = { zosTls = { zosRelease = '3.1' } },
    on_exit = function(code)
      M.out('server exited ' .. tostring(code))
    end,
  })
  if not M.client_id then
    M.fail('start_client returned nil')
  end
  vim.lsp.buf_attach_client(M.bufnr, M.client_id)
end

local function code_of(d)
  -- 0.7 keeps the LSP diagnostic in user_data.lsp; later versions also copy `code`.
  local lsp = d.user_data and d.user_data.lsp or {}
  return d.code or lsp.code
end

function M.find(rule)
  for _, d in ipairs(vim.diagnostic.get(M.bufnr)) do
    if code_of(d) == rule then
      return d
    end
  end
  return nil
end

-- Waits up to 15 s for a diagnostic of `rule`, then prints a DIAG line for every diagnostic.
function M.print_diagnostics(rule)
  if not vim.wait(15000, function()
    return M.find(rule) ~= nil
  end, 20) then
    M.fail('no ' .. rule .. ' diagnostic within 15 s')
  end
  for _, d in ipairs(vim.diagnostic.get(M.bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    M.out(string.format(
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
end

-- Requests a hover at `position` and prints `HOVER ` .. format(text) for each result.
function M.hover(position, format)
  local results = vim.lsp.buf_request_sync(M.bufnr, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(M.bufnr) },
    position = position,
  }, 5000)
  if not results then
    M.fail('hover timed out')
  end
  local hovered = false
  for _, r in pairs(results) do
    if r.err then
      M.fail('hover error ' .. vim.inspect(r.err))
    end
    if r.result then
      local c = r.result.contents
      local text = type(c) == 'table' and (c.value or vim.inspect(c)) or tostring(c)
      hovered = true
      M.out('HOVER ' .. format(text))
    end
  end
  if not hovered then
    M.fail('empty hover')
  end
end

-- Stops the server, waits for it to exit, prints PASS and quits.
function M.shutdown()
  vim.lsp.stop_client(M.client_id)
  vim.wait(5000, function()
    return vim.lsp.get_client_by_id(M.client_id) == nil
  end, 20)
  M.out('PASS')
  vim.cmd('qall!')
end

return M
