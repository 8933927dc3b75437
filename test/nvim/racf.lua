-- Neovim 0.7.2 as a third-party LSP client of dist/server.js on a JCL job with RACDCERT commands.
-- Run: nvim --headless --clean -n -S test/nvim/racf.lua test/fixtures/nvim/certjob.jcl
-- Prints DIAG / HOVER lines and PASS on stdout; exits 1 on the first failure.
-- ZOS_TLS_SERVER overrides the server path, ZOS_TLS_NODE the node binary.
local nvim = dofile(debug.getinfo(1, 'S').source:sub(2):match('^(.*[/\\])') .. 'client.lua')

-- Neovim 0.7 has no 'jcl' filetype; the filetype becomes the languageId of didOpen, and users with a
-- JCL plugin get exactly this one.
nvim.start('jcl')

-- 1) the published diagnostics
nvim.print_diagnostics('racf/key-size')

-- 2) hover on the 512 of SIZE(512), inside the SYSTSIN data
local d = nvim.find('racf/key-size')
nvim.hover({ line = d.lnum, character = d.col + 1 }, function(text)
  -- One line, so that the test can look for what the whole hover says.
  return (text:gsub('\n', ' '))
end)

-- 3) clean shutdown
nvim.shutdown()
