// What a person does in the workbench, done with the keyboard through Playwright, and what they see,
// read back from the DOM. Used by the code-server suite (VS Code 1.100 web); selectors are VS Code's
// own class names and ids, which is why each one is read in one place here.
import type { Page } from 'playwright-core';

const squash = (s: string): string =>
  s
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Ctrl+P, the query, then a click on the file's row (Enter would take whichever row has the focus,
 * which, with an editor open, is at times the previous editor while the results are updating).
 * Retried because a late focus change can close the quick-input box.
 */
export async function quickOpen(page: Page, query: string, tabName = query.split('/').pop()!): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const activeTab = page.locator(`.tabs-container .tab.active[aria-label*="${tabName}"]`);
  await dismiss(page);
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('Control+P');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(query, { timeout: 5000 });
      const row = page.locator(`.quick-input-list .monaco-list-row[aria-label*="${tabName}"]`).first();
      await row.waitFor({ timeout: 10_000 });
      await row.click();
      // Generous: on a loaded machine the extension host is at times "unresponsive" for seconds.
      await activeTab.waitFor({ timeout: 30_000 });
      return;
    } catch (e) {
      if (await activeTab.isVisible()) {
        return;
      }
      if (attempt >= 3) {
        throw e;
      }
      await dismiss(page);
    }
  }
}

/** Escape closes whatever quick input, hover or widget a previous step left open. */
export async function dismiss(page: Page): Promise<void> {
  for (let i = 0; i < 3 && (await page.locator('.quick-input-widget').isVisible()); i++) {
    await page.keyboard.press('Escape');
  }
}

/** F1, the command's title as the palette shows it, Enter. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await dismiss(page);
  const input = page.locator('.quick-input-widget input');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: 5000 });
  await input.fill(`>${title}`);
  await page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ hasText: title })
    .first()
    .waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** Ctrl+G line:column, as a person moves the cursor to a known place. */
export async function goToPosition(page: Page, line: number, column: number): Promise<void> {
  await activeEditor(page).click({ position: { x: 200, y: 5 } }); // focus the text, not a tab or panel
  const input = page.locator('.quick-input-widget input');
  await page.keyboard.press('Control+G');
  await input.waitFor({ state: 'visible', timeout: 5000 });
  await input.fill(`:${line}:${column}`); // fill replaces the ':' that Ctrl+G puts in the box
  await page.keyboard.press('Enter');
  await page
    .locator('#status\\.editor\\.selection')
    .filter({ hasText: `Ln ${line}, Col ${column}` })
    .waitFor({ timeout: 10_000 });
}

export function activeEditor(page: Page): ReturnType<Page['locator']> {
  return page.locator('.editor-group-container.active .editor-container .monaco-editor').first();
}

/** The status bar's "Ln 24, Col 3" as { line, column }. */
export async function cursor(page: Page): Promise<{ line: number; column: number }> {
  const text = await page.locator('#status\\.editor\\.selection').innerText({ timeout: 10_000 });
  const m = /Ln (\d+), Col (\d+)/.exec(text);
  if (!m) {
    throw new Error(`status bar shows no cursor position: ${JSON.stringify(text)}`);
  }
  return { line: Number(m[1]), column: Number(m[2]) };
}

/** The little of the DOM read inside the page (the tests compile without the DOM library). */
interface DomNode {
  style: { top: string };
  textContent: string | null;
  querySelector(selector: string): DomNode | null;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
}

/**
 * The rendered text of the editor's visible lines by line number. Monaco positions line-number
 * and text rows absolutely, in no document order, so they are paired by their `top`.
 */
export async function visibleLines(page: Page): Promise<Map<number, string>> {
  const pairs = await activeEditor(page).evaluate((editor) => {
    const ed = editor as unknown as DomNode;
    const numbers = new Map<string, string>();
    for (const n of Array.from(ed.querySelectorAll('.margin-view-overlays > div'))) {
      const label = n.querySelector('.line-numbers')?.textContent?.trim();
      if (label) {
        numbers.set(n.style.top, label);
      }
    }
    return Array.from(ed.querySelectorAll('.view-lines > .view-line')).map((l) => [
      numbers.get(l.style.top) ?? '',
      l.textContent ?? '',
    ]);
  });
  const lines = new Map<number, string>();
  for (const [n, text] of pairs) {
    if (n) {
      lines.set(Number(n), text.replace(/\u00a0/g, ' '));
    }
  }
  return lines;
}

export async function lineText(page: Page, line: number): Promise<string> {
  const text = (await visibleLines(page)).get(line);
  if (text === undefined) {
    throw new Error(`line ${line} is not rendered in the editor`);
  }
  return text;
}

/** Ctrl+K Ctrl+I (Show Hover) at the cursor; the hover widget's text. */
export async function hoverAtCursor(page: Page): Promise<string> {
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content').first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    try {
      await hover.waitFor({ state: 'visible', timeout: 15_000 });
      // The provider's answer replaces "Loading..." once the server has replied.
      await page.waitForFunction(
        (el) => !!el && !/^\s*Loading/.test(el.textContent ?? ''),
        await hover.elementHandle(),
        { timeout: 15_000 },
      );
      return squash(await hover.innerText());
    } catch (e) {
      if (attempt >= 2) {
        throw e;
      }
    }
  }
}

export async function problemRows(page: Page): Promise<string[]> {
  return (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map(squash);
}

/** Opens the Problems panel (Ctrl+Shift+M toggles, so only when it is not showing). */
export async function showProblems(page: Page): Promise<void> {
  if (!(await page.locator('.markers-panel').isVisible())) {
    await page.keyboard.press('Control+Shift+M');
  }
  await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 10_000 });
}

export async function waitForProblem(page: Page, text: string | RegExp, timeout = 60_000): Promise<void> {
  await page
    .locator('.markers-panel .monaco-list-row')
    .filter({ hasText: text })
    .first()
    .waitFor({ timeout });
}

export { squash };
