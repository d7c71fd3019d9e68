"""The roadmap's content, as a whole: every topic the practitioner essays raise has a skill,
and every skill page has the parts a learner relies on. Deleting or gutting a skill fails here."""

import re

import pytest

from roadmap.conventions import docs_file
from roadmap.devtools import ROOT
from roadmap.load import load_roadmap
from roadmap.validate import short_of_standard

# Each topic the source essays raise, mapped to the skill that teaches it. Kept here, not in
# the data, so that removing a skill breaks this test rather than silently dropping a topic.
ESSAY_TOPICS = {
    # Foundations
    "linear algebra and matrix manipulation": "linear-algebra",
    "calculus and the chain rule": "calculus-and-the-chain-rule",
    "probability": "probability",
    "statistics and hypothesis testing": "statistics-and-hypothesis-testing",
    "optimisation and gradient descent": "optimisation-basics",
    # Data science
    "Python for data work and coding standards": "python-for-data-work",
    "NumPy, pandas, matplotlib and vectorised code": "numpy-pandas-and-plotting",
    "exploratory data analysis and telling a story with data": "exploratory-data-analysis",
    "framing the problem and defining the label": "problem-framing",
    "sourcing and merging data, and its biases": "data-sourcing-and-bias",
    "what 'linear' means in linear regression": "linear-regression",
    "generalised linear models": "generalised-linear-models",
    "classification": "classification",
    "tree ensembles, boosting (XGBoost, CatBoost, LightGBM)": "tree-ensembles-and-boosting",
    "baselines first": "baselines",
    "train/validation/test, cross-validation and grid search": "model-validation",
    "metrics, business trade-offs (precision minimums, ROC-AUC, RMSE, NDCG)": "evaluation-metrics",
    "over- and under-fitting, bias-variance": "overfitting-and-bias-variance",
    "feature engineering and selection": "feature-engineering",
    "curse of dimensionality and dimensionality reduction": "dimensionality-reduction",
    "model optimisation and tuning": "model-tuning",
    "deep learning frameworks (PyTorch, TensorFlow)": "deep-learning-frameworks",
    "transfer learning, model zoos, AutoML; stable over state of the art": "transfer-learning",
    "natural language processing": "nlp",
    "computer vision": "computer-vision",
    "time series forecasting": "time-series-forecasting",
    "R basics for working with data scientists": "r-for-data-work",
    # Software engineering
    "the command line": "command-line",
    "git, GitHub, pull requests, code review, squashing commits": "git-and-github",
    "production Python: typing, linting, formatting": "production-python",
    "testing and mocking": "testing-and-mocking",
    "reading other people's code": "reading-code",
    "design patterns": "design-patterns",
    "functional programming": "functional-programming",
    "a second language (Java, C++ or JavaScript)": "second-language",
    "Big-O thinking in practice": "big-o-in-practice",
    "databases and SQL": "databases-and-sql",
    "API development": "api-development",
    "system design and software architecture": "system-design",
    "containers (Docker)": "docker",
    "CI/CD": "ci-cd",
    "project management": "project-management",
    # Cloud & MLOps
    "cloud fundamentals on AWS, GCP and Azure": "cloud-fundamentals",
    "object storage and data lakes": "object-storage-and-data-lakes",
    "distributed computing: MapReduce, Hadoop, Spark": "distributed-computing",
    "model serving and deployment": "model-serving",
    "lower environments, shadow deployments, canaries": "release-practices",
    "Kubernetes and ML platforms (Kubeflow, Seldon)": "kubernetes-and-ml-platforms",
    "experiment tracking and ML pipelines": "experiment-tracking-and-pipelines",
    "monitoring and drift": "monitoring-and-drift",
    "search and learning to rank in production": "search-and-ranking",
    "cloud certifications for ML engineers": "cloud-certifications",
    # Data structures & algorithms
    "complexity analysis": "complexity-analysis",
    "arrays and hashing": "arrays-and-hashing",
    "two pointers and sliding window": "two-pointers",
    "stacks and queues": "stacks-and-queues",
    "binary search": "binary-search",
    "linked lists": "linked-lists",
    "trees": "trees",
    "heaps and priority queues": "heaps-and-priority-queues",
    "graphs: BFS, DFS, topological sort": "graphs",
    "recursion and backtracking": "recursion-and-backtracking",
    "dynamic programming": "dynamic-programming",
    # Practice & career
    "the two gaps: course to project, notebook to production": "the-two-gaps",
    "transition paths: software engineer, data scientist, no CS degree": "transition-paths",
    "adjacent careers": "adjacent-careers",
    "communicating with stakeholders; the daily written update": "communication",
    "learning habits: 20% time, 70/20/10, papers, scepticism, toy problems": "learning-habits",
    "showing your work and a portfolio": "portfolio",
    "specialising": "specialising",
    "meetups and conferences": "meetups-and-conferences",
    "interviews": "interviews",
    "grad school versus self-study": "grad-school-or-self-study",
}

# The skills an ML engineer is hired for in 2026 that the essays, written before large language
# models changed the job, do not cover; each mapped to the skill that teaches it.
TOPICS_2026 = {
    "attention and the transformer": "attention-and-transformers",
    "tokenisation, next-token prediction, perplexity and sampling": "language-models-and-sampling",
    "sparse and dense embeddings, exact and approximate vector search": (
        "embeddings-and-vector-search"
    ),
    "retrieval-augmented generation and its evaluation": "retrieval-augmented-generation",
    "parameter-efficient fine-tuning (LoRA)": "fine-tuning-with-lora",
    "evaluating LLM systems: evaluation sets, prompt regressions, model judges": (
        "evaluating-llm-systems"
    ),
    "serving language models: batching, the KV cache, quantisation": "serving-language-models",
    "operating LLM products: monitoring, cost, guardrails, agents": "operating-llm-products",
}

MIN_SKILLS = 70


@pytest.fixture(scope="module")
def roadmap():
    roadmap, problems = load_roadmap(ROOT)
    assert problems == []
    return roadmap


@pytest.fixture(scope="module")
def skill_ids(roadmap):
    return {page.skill.id for page in roadmap.skills}


@pytest.mark.parametrize("topic", sorted(ESSAY_TOPICS))
def test_every_essay_topic_has_a_skill(topic, skill_ids):
    assert ESSAY_TOPICS[topic] in skill_ids, f"no skill teaches {topic!r}"


@pytest.mark.parametrize("topic", sorted(TOPICS_2026))
def test_every_2026_topic_has_a_skill_wired_into_the_roadmap(topic, roadmap):
    pages = {page.skill.id: page for page in roadmap.skills}
    skill_id = TOPICS_2026[topic]
    assert skill_id in pages, f"no skill teaches {topic!r}"
    skill = pages[skill_id].skill
    assert skill.prerequisites, f"{skill_id} builds on nothing"
    assert skill.quiz, f"{skill_id} has no quiz"
    assert skill.snippets, f"{skill_id} has no tested code"
    leads_on = any(skill_id in page.skill.prerequisites for page in roadmap.skills)
    in_a_goal = any(skill_id in goal.targets for goal in roadmap.goals)
    assert leads_on or in_a_goal, f"{skill_id}: no skill or goal builds on it"


def test_the_roadmap_is_big_enough_and_every_track_is_used(roadmap, skill_ids):
    assert len(skill_ids) >= MIN_SKILLS
    used = {page.skill.track for page in roadmap.skills}
    assert used == {track.id for track in roadmap.tracks}


def test_every_skill_has_the_parts_a_learner_relies_on(roadmap):
    """Checklist and resource counts, the two sections, enough prose: what `roadmap check`
    lists for a contributor (validate.short_of_standard)."""
    assert [str(problem) for problem in short_of_standard(roadmap)] == []


def test_most_skills_have_a_quiz(roadmap):
    with_quiz = [page.skill.id for page in roadmap.skills if page.skill.quiz]
    assert len(with_quiz) >= 0.6 * len(roadmap.skills)


def test_every_lesson_links_to_a_skill_that_acts_on_it(skill_ids):
    text = (ROOT / docs_file("lessons.md")).read_text(encoding="utf-8")
    lessons = [part for part in re.split(r"\n(?=- \*\*|#)", text) if part.startswith("- **")]
    assert len(lessons) >= 25
    for lesson in lessons:
        linked = {
            target.rsplit("/", 1)[-1].removesuffix(".md")
            for target in re.findall(r"\]\(([^)#]+\.md)\)", lesson)
        }
        assert linked & skill_ids, f"lesson links to no skill: {lesson[:70]!r}"


def test_the_rubric_scores_every_part_of_a_project_and_each_track_suggests_three(roadmap):
    assert [c.id for c in roadmap.rubric] == [
        "framing",
        "data",
        "evaluation",
        "code",
        "tests",
        "deployment",
        "write-up",
    ]
    for track in roadmap.tracks:
        projects = [p for p in roadmap.projects if p.track == track.id]
        assert len(projects) >= 3, f"track {track.id} suggests {len(projects)} projects"
