/*
 * The review page: the quiz questions due today (progress-core.js schedules them), asked one
 * at a time with the same choices and explanations as on their skill pages. The build writes
 * each skill's questions to review/questions/<skill-id>.json (their HTML, as a JSON string);
 * the page fetches those of the skills with a question due, all at once, and needs no network
 * after that. An answer is saved and rescheduled through progress.js, like an answer on a skill
 * page.
 */
(function () {
  "use strict";

  const { localDay, dueQuestions, reviewCounts, recordAnswers, scheduleAnswer, makeChoices } = window.RoadmapProgress;

  /** The review questions of these skills, fetched from the site and parsed, by question id. */
  function fetchQuestions(context, skillIds) {
    return Promise.all(skillIds.map((id) => context.fetchJSON(`review/questions/${id}.json`)))
      .then((texts) => {
        const questions = new Map();
        for (const text of texts) {
          const parsed = new DOMParser().parseFromString(text, "text/html");
          for (const question of parsed.querySelectorAll("[data-review-question]")) {
            questions.set(question.dataset.reviewQuestion, document.adoptNode(question));
          }
        }
        return questions;
      });
  }

  function attach(context) {
    const root = document.querySelector("[data-review]");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "true";
    const today = localDay(new Date());
    const ids = context.index.roadmap.skills.flatMap((skill) => skill.quiz);
    const queue = dueQuestions(context.state().review, ids, today);
    const status = root.querySelector("[data-review-status]");
    fetchQuestions(context, [...new Set(queue.map((id) => id.split("/")[0]))]).then(
      (questions) => {
        root.querySelector("[data-review-questions]").append(...queue.map((id) => questions.get(id)));
        start(context, root, queue, questions, today);
      },
      (error) => { status.textContent = `The questions could not be loaded (${error.message}); reload the page to try again.`; },
    );
    root.hidden = false;
  }

  function start(context, root, queue, questions, today) {
    const ids = context.index.roadmap.skills.flatMap((skill) => skill.quiz);
    const status = root.querySelector("[data-review-status]");
    const next = root.querySelector("[data-review-next]");
    status.tabIndex = -1;
    let at = -1;

    function show() {
      if (at >= 0) questions.get(queue[at]).hidden = true;
      at += 1;
      next.hidden = true;
      if (at >= queue.length) {
        const { next: day } = reviewCounts(context.state().review, ids, today);
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
  }

  window.RoadmapProgress.ready.then((context) => {
    if (window.document$) window.document$.subscribe(() => attach(context));
    else attach(context);
  });
})();
