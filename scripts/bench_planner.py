"""Benchmark the study planner in Chromium: time to plan the whole roadmap.

    .venv/bin/python -m scripts.bench_planner        (part of `make bench`)

Builds the site, serves it on localhost, and times RoadmapPlanner.plan() inside the page for
the real roadmap and for a synthetic one of 500 skills with random prerequisites (the real
roadmap will grow). Target: under 50 ms for the whole roadmap. Figures, not a test.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from roadmap.devtools import ROOT, build, launch, open_page, serve

MEASURE = """([runs, synthetic]) => RoadmapProgress.ready.then((context) => {
    let index = context.index;
    if (synthetic) {
        let seed = 1;
        const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
        const skills = [];
        for (let i = 0; i < synthetic; i++) {
            const prerequisites = [];
            for (let k = 0; k < 3 && i > 0; k++) prerequisites.push(`s${Math.floor(random() * i)}`);
            skills.push({id: `s${i}`, title: `Skill ${i}`, url: `s${i}/`, effort_hours: [2, 10],
                track: `t${i % 6}`, priority: ["core", "recommended", "elective"][i % 3],
                prerequisites: [...new Set(prerequisites)],
                checklist: [1, 2, 3, 4].map(n => ({id: `s${i}/${n}`, text: "I can", aliases: []})),
            });
        }
        const tracks = [0, 1, 2, 3, 4, 5].map(n => ({id: `t${n}`,
            skills: skills.filter(s => s.track === `t${n}`).map(s => s.id)}));
        index = RoadmapProgress.indexRoadmap({tracks, skills, profiles: [], goals: []});
    }
    // With a finish-by date the planner also works out what to leave for later: the slower path.
    const options = {hoursPerWeek: 6, start: "2027-01-04", finishBy: "2027-12-31", effort: "mean",
                     goal: "", target: "",
                     tracks: index.roadmap.tracks.map(t => t.id), done: {}};
    const times = [];
    for (let i = 0; i < runs; i++) {
        const start = performance.now();
        RoadmapPlanner.plan(index, options);
        times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return {skills: index.roadmap.skills.length, median: times[Math.floor(runs / 2)],
            p95: times[Math.floor(runs * 0.95)], max: times[runs - 1]};
})"""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        built = build(ROOT, site)
        if built.returncode:
            raise SystemExit(built.stderr)
        with serve(site) as url, sync_playwright() as playwright:
            browser = launch(playwright)
            page = open_page(browser.new_context(), url + "planner/")
            for label, synthetic in (("this roadmap", 0), ("synthetic roadmap", 500)):
                figures = page.evaluate(MEASURE, [200, synthetic])
                print(
                    f"planner, {label} ({figures['skills']} skills), 200 runs: "
                    f"median {figures['median']:.2f} ms, 95th percentile {figures['p95']:.2f} ms, "
                    f"max {figures['max']:.2f} ms"
                )
            browser.close()


if __name__ == "__main__":
    main()
