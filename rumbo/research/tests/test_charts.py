from rumbo.research.charts import Bar, interval_chart


def test_each_bar_has_its_interval_drawn_without_inline_styles():
    svg = interval_chart(
        title="Knows <where>", bars=[Bar("MX", 0.5, 0.4, 0.6), Bar("GT", 0.2, 0.1, 0.3)]
    )
    assert svg.count("<rect") == 2
    assert svg.count('<g stroke="#1a202c"') == 2  # the whiskers
    assert "<style" not in svg  # the Content Security Policy would refuse it
    assert 'aria-label="Knows &lt;where&gt;"' in svg


def test_whisker_spans_the_interval_on_the_axis():
    svg = interval_chart(title="t", bars=[Bar("a", 0.5, 0.25, 0.75)])
    # 130 is where the axis starts, 220 its width: 25% and 75% are at 185 and 295.
    assert '<line x1="185.0" x2="295.0"' in svg


def test_no_chart_when_every_estimate_is_suppressed():
    assert interval_chart(title="t", bars=[Bar("a", float("nan"), 0.1, 0.2)]) == ""
