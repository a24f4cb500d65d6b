/**
 * The share menus' copy buttons (an enhancement: without scripting the read-only values are there to
 * select and copy by hand; a click selects all of one). A button shows itself, copies its field and says so in the menu's status line, which
 * screen readers announce.
 */
export function enhanceShareMenus(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-share] button[data-copy]')) {
    const field = document.getElementById(button.dataset['copy'] ?? '');
    const status = button.closest('[data-share]')?.querySelector<HTMLElement>('[data-copy-status]');
    if (!field || !status) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      let ok = false;
      try {
        await navigator.clipboard.writeText(field.textContent ?? '');
        ok = true;
      } catch {
        // No clipboard access (an insecure origin, a denied permission): select the text for the reader.
        field.focus();
        getSelection()?.selectAllChildren(field);
      }
      status.textContent = ok ? `已复制：${button.textContent?.replace(/^复制/, '') ?? ''}` : '无法自动复制，已选中文本，请手动复制';
    });
  }
}
