from calfeed.cli import main

raise SystemExit(main())
