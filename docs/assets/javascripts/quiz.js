/*
 * A skill page's quiz: each option becomes a button, an answer is checked and kept with the
 * reader's progress (and schedules the question for review), the explanation shows once
 * answered, and the score sits above the questions. Only pages with a quiz load it
 * (page-scripts.js); progress.js keeps the state and saves it.
 */
(function () {
  "use strict";

  const { quizScore, scoreText, recordAnswers, scheduleAnswer, localDay, makeChoices } = window.RoadmapProgress;

  window.RoadmapProgress.ready.then(({ update, onRender }) => {
    // Which option the reader picked, per question, for this page view only: the saved state
    // keeps whether the answer was right, which is what the score needs.
    const choices = new Map();

    function questionIds(quiz) {
      return [...quiz.querySelectorAll("[data-question]")].map((q) => q.dataset.question);
    }

    /**
     * Turn a quiz's options into buttons (once), then show each question as unanswered or
     * answered. Explanations stay hidden until the reader has picked an answer.
     */
    function renderQuiz(quiz, state) {
      for (const question of quiz.querySelectorAll("[data-question]")) {
        const id = question.dataset.question;
        const answered = id in state.quiz;
        makeChoices(question, "choice");
        for (const option of question.querySelectorAll("li[data-option]")) {
          const button = option.querySelector("button");
          button.disabled = answered;
          option.classList.toggle("roadmap-quiz__right", answered && option.hasAttribute("data-correct"));
          option.classList.toggle("roadmap-quiz__chosen", answered && choices.get(id) === option.dataset.option);
        }
        const answer = question.querySelector("details");
        answer.hidden = !answered;
        answer.open = answered;
        let verdict = question.querySelector("[data-verdict]");
        if (!verdict) {
          verdict = document.createElement("p");
          verdict.className = "roadmap-quiz__verdict";
          verdict.dataset.verdict = "";
          answer.before(verdict);
        }
        verdict.textContent = !answered ? "" : state.quiz[id] ? "Right." : "Not quite: see why below.";
        verdict.hidden = !answered;
        question.classList.toggle("roadmap-quiz__question--right", state.quiz[id] === true);
        question.classList.toggle("roadmap-quiz__question--wrong", state.quiz[id] === false);
      }
      const score = quizScore(state, questionIds(quiz));
      quiz.querySelector("[data-quiz-score]").textContent = scoreText(score);
      quiz.querySelector("[data-quiz-retry]").hidden = score.answered === 0;
    }

    function onClick(event) {
      const target = event.target.closest("button");
      if (!target) return;
      if (target.dataset.quizRetry !== undefined) {
        const quiz = target.closest("[data-quiz]");
        choices.clear();
        update((state) => recordAnswers(state, questionIds(quiz), null));
        quiz.querySelector("button[data-choice]")?.focus();
      } else if (target.dataset.choice !== undefined) {
        const question = target.closest("[data-question]");
        const right = target.closest("li").hasAttribute("data-correct");
        const id = question.dataset.question;
        choices.set(id, target.dataset.choice);
        update((state) => ({
          ...recordAnswers(state, [id], right),
          review: scheduleAnswer(state.review, id, right, localDay(new Date())),
        }));
      }
    }

    // Attached once to the document, which survives instant navigation.
    document.addEventListener("click", onClick);
    onRender((state) => {
      for (const quiz of document.querySelectorAll("[data-quiz]")) renderQuiz(quiz, state);
    });
  });
})();
