/**
 * <Predict> behaviour: "Check my answer" marks the reader's pick right or
 * wrong and opens the explanation. Without JavaScript the form still works:
 * the button stays hidden and the answer is in a <details>.
 */
for (const form of document.querySelectorAll<HTMLFormElement>('form.predict')) {
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const result = form.querySelector<HTMLElement>('.predict-result');
  const details = form.querySelector<HTMLDetailsElement>('details.predict-answer');
  if (!button || !result || !details) continue;
  button.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const picked = form.querySelector<HTMLInputElement>('input[type="radio"]:checked');
    if (!picked) {
      result.textContent = 'Pick one of the answers first.';
      return;
    }
    const answer = form.dataset.answer;
    const right = picked.value === answer;
    for (const label of form.querySelectorAll<HTMLElement>('.predict-option')) {
      label.classList.toggle('is-answer', label.dataset.index === answer);
      label.classList.toggle('is-wrong', !right && label.dataset.index === picked.value);
    }
    result.textContent = right ? 'Right.' : 'Not quite. The right answer is marked.';
    details.open = true;
  });
}

export {};
