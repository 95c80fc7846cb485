"""Creates what the end-to-end test feeds the inference API, without any download.

usage: make_test_assets.py MODELS_DIR IMAGE_PATH

MODELS_DIR/resnet18.pt            state_dict of torchvision resnet18(weights=None), seeded
MODELS_DIR/imagenet_classes.txt   1000 placeholder class names (class_000 ... class_999)
IMAGE_PATH                        a 320x240 RGB PNG of seeded noise

Prints one JSON line: {"model": ..., "labels": ..., "image": ..., "torch": ..., "torchvision": ...}
"""

import json
import os
import random
import sys

import torch
import torchvision
from PIL import Image


def main(models_dir: str, image_path: str) -> None:
    os.makedirs(models_dir, exist_ok=True)
    torch.manual_seed(0)
    model = torchvision.models.resnet18(weights=None)  # random weights: nothing is downloaded
    model_path = os.path.join(models_dir, "resnet18.pt")
    torch.save(model.state_dict(), model_path)

    labels_path = os.path.join(models_dir, "imagenet_classes.txt")
    with open(labels_path, "w", encoding="utf-8") as handle:
        handle.writelines(f"class_{i:03d}\n" for i in range(1000))

    # Seeded noise: deterministic, and large enough (~230 KB) that nginx spools
    # the upload to its client_body_temp_path instead of keeping it in memory.
    width, height = 320, 240
    image = Image.frombytes("RGB", (width, height), random.Random(1234).randbytes(width * height * 3))
    image.save(image_path, format="PNG")

    print(
        json.dumps(
            {
                "model": model_path,
                "labels": labels_path,
                "image": image_path,
                "torch": torch.__version__,
                "torchvision": torchvision.__version__,
            }
        )
    )


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
