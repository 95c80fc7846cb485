"""Device check for the reference stack's inference API: on a machine with an
NVIDIA GPU the service must load the model onto CUDA (DEVICE=auto) and give the
same top-5 answer as on the CPU. Run by hand on a GPU host (no test runner there):

    python3 test/ml-stack/gpu/gpu_check.py --expect cuda

The database, cache and web framework are not exercised here (the CPU end-to-end
test covers them); where their client libraries are not installed they are
replaced by inert stand-ins so that app.py imports.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import types

HERE = os.path.dirname(os.path.abspath(__file__))
API = os.path.join(HERE, "..", "..", "..", "fixtures", "ml-stack", "api")


def stand_in(name: str, **attrs) -> None:
    """Register an inert module only when the real one is missing."""
    try:
        __import__(name)
    except ImportError:
        module = types.ModuleType(name)
        for key, value in attrs.items():
            setattr(module, key, value)
        sys.modules[name] = module


class _Inert:
    def __init__(self, *args, **kwargs):
        pass

    def __getattr__(self, name):
        return lambda *args, **kwargs: None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--expect", choices=["cuda", "cpu"], required=True)
    args = parser.parse_args()

    stand_in("psycopg2", pool=types.SimpleNamespace(ThreadedConnectionPool=_Inert), extensions=types.SimpleNamespace(cursor=object))
    if "psycopg2" in sys.modules and not hasattr(sys.modules["psycopg2"], "__file__"):
        sys.modules["psycopg2.pool"] = sys.modules["psycopg2"].pool  # type: ignore[attr-defined]
        sys.modules["psycopg2.extensions"] = sys.modules["psycopg2"].extensions  # type: ignore[attr-defined]
    stand_in("redis", Redis=_Inert)
    stand_in("flask", Flask=_Inert, Response=object, jsonify=lambda *a, **k: None, request=None)

    import torch
    import torchvision
    from PIL import Image

    sys.path.insert(0, os.path.abspath(API))
    import app  # noqa: E402  (the service under test)

    torch.manual_seed(0)
    with tempfile.TemporaryDirectory() as models:
        weights = os.path.join(models, "resnet18.pt")
        torch.save(torchvision.models.resnet18(weights=None).state_dict(), weights)
        os.environ["MODEL_PATH"] = weights
        os.environ.setdefault("DEVICE", "auto")
        settings = app.Settings.from_env()
        service = app.InferenceService(settings, app.Metrics())

        image = Image.new("RGB", (320, 240))
        image.putdata([((x * 7) % 256, (y * 3) % 256, (x + y) % 256) for y in range(240) for x in range(320)])
        on_device = service.classify(image)

        cpu_model = app.load_model(weights, torch.device("cpu"))
        with torch.inference_mode():
            logits = cpu_model(app.PREPROCESS(image).unsqueeze(0))
            probabilities = torch.nn.functional.softmax(logits[0], dim=0)
            cpu_prob, cpu_idx = torch.topk(probabilities, app.TOP_K)

    parameter_device = next(service.model.parameters()).device.type
    same_classes = [p["class_id"] for p in on_device] == cpu_idx.tolist()
    max_diff = max(abs(p["confidence"] - c) for p, c in zip(on_device, cpu_prob.tolist()))
    report = {
        "expected": args.expect,
        "service_device": service.device.type,
        "parameters_on": parameter_device,
        "gpu": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None,
        "top5_same_as_cpu": same_classes,
        "max_confidence_difference": max_diff,
        "torch": torch.__version__,
    }
    print(json.dumps(report, indent=2))
    ok = service.device.type == args.expect and parameter_device == args.expect and same_classes and max_diff < 1e-3
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
