from roadmap import speed

THEME = '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'


def test_only_the_theme_script_is_deferred():
    page = f'<body><script src="x.js"></script>{THEME}</body>'
    out = speed.defer_theme_script(page)
    assert '<script src="../assets/javascripts/bundle.a5f9d56c.min.js" defer></script>' in out
    assert '<script src="x.js"></script>' in out
    assert speed.defer_theme_script(out) == out
