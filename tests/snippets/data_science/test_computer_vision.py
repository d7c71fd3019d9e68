import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.signal import convolve2d, correlate2d

from snippets.data_science.computer_vision import cross_correlate2d, show


@settings(max_examples=50, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.integers(1, 12),
    st.integers(1, 12),
    st.integers(1, 5),
    st.integers(1, 5),
)
def test_agrees_with_scipy_correlate2d(seed, h, w, kh, kw):
    kh, kw = min(kh, h), min(kw, w)
    rng = np.random.default_rng(seed)
    image, kernel = rng.normal(size=(h, w)), rng.normal(size=(kh, kw))
    out = cross_correlate2d(image, kernel)
    assert out.shape == (h - kh + 1, w - kw + 1)
    assert np.allclose(out, correlate2d(image, kernel, mode="valid"))
    assert np.allclose(out, convolve2d(image, kernel[::-1, ::-1], mode="valid"))


def test_identity_kernel_crops_the_border():
    image = np.arange(25.0).reshape(5, 5)
    kernel = np.zeros((3, 3))
    kernel[1, 1] = 1
    assert np.array_equal(cross_correlate2d(image, kernel), image[1:-1, 1:-1])


def test_a_kernel_as_large_as_the_image_gives_one_number():
    image = np.arange(6.0).reshape(2, 3)
    assert cross_correlate2d(image, np.ones((2, 3))).tolist() == [[15.0]]


def test_sobel_finds_a_vertical_edge_and_ignores_flat_areas():
    image = np.zeros((5, 6))
    image[:, 3:] = 10  # dark left half, light right half
    sobel_x = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])
    edges = cross_correlate2d(image, sobel_x)
    assert (edges[:, 0] == 0).all()  # flat: no response
    assert (edges[:, 1:3] > 0).all()  # dark to light: positive


def test_show_prints_one_line_per_row(capsys):
    show(np.array([[1.0, -2.0], [3.0, 4.0]]))
    assert capsys.readouterr().out == "   1   -2\n   3    4\n"
