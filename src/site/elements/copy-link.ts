/**
 * Heading and claim permalinks ("#" beside each h2/h3, Heading.astro; "#"
 * beside each claim, Claim.astro) also copy their URL when clicked, and say
 * so in a live region; the link still moves to its anchor, and without
 * JavaScript or a clipboard it is a plain link.
 */
const live = document.createElement('p');
live.className = 'visually-hidden';
live.setAttribute('role', 'status');

document.addEventListener('click', (e) => {
  const a = (e.target as Element | null)?.closest?.('a.heading-anchor, a.claim-permalink') as HTMLAnchorElement | null;
  if (!a || !navigator.clipboard || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  if (!live.isConnected) document.body.append(live);
  navigator.clipboard.writeText(a.href).then(
    () => { live.textContent = `Link copied: ${a.href}`; a.dataset.copied = ''; },
    () => { live.textContent = ''; },
  );
  setTimeout(() => { delete a.dataset.copied; live.textContent = ''; }, 2500);
});

export {};
