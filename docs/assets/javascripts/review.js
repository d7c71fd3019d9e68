/*
 * The review page: the quiz questions due today (progress-core.js schedules them), asked one
 * at a time with the same choices and explanations as on their skill pages. An answer is saved
 * and rescheduled through progress.js, like an answer on a skill page.
 */
(function () {
  "use strict";

  const { localDay, dueQuestions, reviewCounts, recordAnswers, scheduleAnswer, makeChoices } = window.RoadmapProgress;

  function attach(context) {
    const root = document.querySelector("[data-review]");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "true";
    const today = localDay(new Date());
    const questions = new Map([...root.querySelectorAll("[data-review-question]")].map((q) => [q.dataset.reviewQuestion, q]));
    const review = context.state().review;
    const queue = dueQuestions(review, [...questions.keys()], today);
    const status = root.querySelector("[data-review-status]");
    const next = root.querySelector("[data-review-next]");
    status.tabIndex = -1;
    let at = -1;

    function show() {
      if (at >= 0) questions.get(queue[at]).hidden = true;
      at += 1;
      next.hidden = true;
      if (at >= queue.length) {
        const { next: day } = reviewCounts(context.state().review, [...questions.keys()], today);
        status.textContent = (queue.length ? "Done: nothing more is due today." : "Nothing is due for review today.") +
          (day ? ` The next question is due on ${day}.` : " Answer the quizzes on the skill pages and their questions come back here.");
        if (at > 0) status.focus();
        return;
      }
      const question = questions.get(queue[at]);
      makeChoices(question, "reviewChoice");
      question.querySelector("details").hidden = true;
      question.hidden = false;
      status.textContent = `Question ${at + 1} of ${queue.length} due today.`;
      if (at > 0) question.querySelector("button").focus();
    }

    function answer(button) {
      const question = button.closest("[data-review-question]");
      const id = question.dataset.reviewQuestion;
      const option = button.closest("li");
      const right = option.hasAttribute("data-correct");
      context.update((state) => ({ ...recordAnswers(state, [id], right), review: scheduleAnswer(state.review, id, right, today) }));
      for (const choice of question.querySelectorAll("button[data-review-choice]")) {
        choice.disabled = true;
        choice.parentElement.classList.toggle("roadmap-quiz__right", choice.parentElement.hasAttribute("data-correct"));
      }
      option.classList.add("roadmap-quiz__chosen");
      const verdict = document.createElement("p");
      verdict.className = "roadmap-quiz__verdict";
      verdict.textContent = right ? "Right: asked again on " + context.state().review[id].due + "." : "Not quite: see why below. Asked again tomorrow.";
      const details = question.querySelector("details");
      details.before(verdict);
      details.hidden = false;
      details.open = true;
      status.textContent = `Question ${at + 1} of ${queue.length} answered.`;
      next.textContent = at + 1 < queue.length ? "Next question" : "Finish";
      next.hidden = false;
      verdict.tabIndex = -1; // read out first; the explanations and the next button follow
      verdict.focus();
    }

    root.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (button?.dataset.reviewChoice !== undefined) answer(button);
      else if (button === next) show();
    });
    show();
    root.hidden = false;
  }

  window.RoadmapProgress.ready.then((context) => {
    if (window.document$) window.document$.subscribe(() => attach(context));
    else attach(context);
  });
})();
