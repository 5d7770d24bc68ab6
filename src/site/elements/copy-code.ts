/**
 * Copy buttons on code blocks: every <pre> in the page's <main> (prose code,
 * claim scripts, embed snippets) gets a "Copy" button that puts the block's
 * text on the clipboard (Clipboard API, navigator.clipboard.writeText). No
 * clipboard (insecure context, old browser): no button; the text stays selectable.
 */

/** Wrap each code block and add its button (idempotent). */
export function addCopyButtons(root: ParentNode = document): void {
  if (!navigator.clipboard) return;
  for (const pre of root.querySelectorAll<HTMLPreElement>('main pre')) {
    if (pre.closest('.copy-wrap, sim-terminal, sim-claim, [data-output], .xterm')) continue;
    const wrap = document.createElement('div');
    wrap.className = 'copy-wrap';
    pre.replaceWith(wrap);
    wrap.append(pre);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-code';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', 'Copy code to the clipboard');
    const status = document.createElement('span');
    status.className = 'copy-status visually-hidden';
    status.setAttribute('role', 'status');
    button.addEventListener('click', async () => {
      const text = (pre.querySelector('code') ?? pre).textContent ?? '';
      try {
        await navigator.clipboard.writeText(text.replace(/\n$/, ''));
        button.textContent = 'Copied';
        status.textContent = 'Code copied';
      } catch {
        button.textContent = 'Copy failed';
        status.textContent = 'Copy failed: select the text and copy it by hand';
      }
      setTimeout(() => { button.textContent = 'Copy'; status.textContent = ''; }, 2500);
    });
    wrap.append(button, status);
  }
}

addCopyButtons();
