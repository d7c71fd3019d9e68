"""A CNN's "convolution" in NumPy, checked against SciPy, used as an edge filter on a digit."""

# --8<-- [start:example]
import numpy as np
from scipy.signal import convolve2d, correlate2d
from sklearn.datasets import load_digits


def cross_correlate2d(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """Slide the kernel over the image without flipping it; keep positions where it fits.

    This is what deep learning libraries call convolution. Output shape
    (H - kh + 1, W - kw + 1). Time O(H·W·kh·kw), space O(H·W).
    """
    kh, kw = kernel.shape
    out_h, out_w = image.shape[0] - kh + 1, image.shape[1] - kw + 1
    out = np.zeros((out_h, out_w))
    for i in range(kh):  # one shifted, weighted copy of the image per kernel cell
        for j in range(kw):
            out += kernel[i, j] * image[i : i + out_h, j : j + out_w]
    return out


def show(grid: np.ndarray) -> None:
    for row in grid:
        print(" ".join(f"{value:4.0f}" for value in row))


def main() -> None:
    digits = load_digits()
    image = digits.images[0]  # an 8x8 grey-scale "0", values 0 to 16: a 2-D tensor
    print(f"label {digits.target[0]}, shape {image.shape}, dtype {image.dtype}")
    show(image)

    sobel_x = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])  # responds to vertical edges
    edges = cross_correlate2d(image, sobel_x)
    print(f"vertical edges, shape {edges.shape}: dark-to-light > 0, light-to-dark < 0")
    show(edges)

    same = np.allclose(edges, correlate2d(image, sobel_x, mode="valid"))
    flipped = np.allclose(edges, convolve2d(image, sobel_x[::-1, ::-1], mode="valid"))
    print(f"matches scipy.signal.correlate2d: {same}")
    print(f"equals a true convolution with the kernel flipped: {flipped}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
