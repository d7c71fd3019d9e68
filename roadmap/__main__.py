from roadmap.cli import main

raise SystemExit(main())
