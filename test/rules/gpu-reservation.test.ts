import rule from '../../rules/gpu-reservation.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    `services:
  trainer:
    image: pytorch/pytorch:2.3.1-cuda12.1-cudnn8-runtime
    deploy:
      resources:
        reservations:
          devices:
            - driver: nvidia
              count: 1
              capabilities: [gpu]
  inference:
    image: nvcr.io/nvidia/tritonserver:24.05-py3
    deploy:
      resources:
        reservations:
          devices:
            - driver: nvidia
              device_ids: ["0", "1"]
              capabilities: [gpu, utility]
`,
    {
      name: 'gpus: all, and a list under gpus',
      code: `services:
  vllm:
    image: vllm/vllm-openai:v0.5.0
    gpus: all
  tgi:
    image: ghcr.io/huggingface/text-generation-inference:2.0
    gpus:
      - driver: nvidia
        count: 2
`,
    },
    {
      name: 'CPU and ROCm images need no NVIDIA reservation',
      code: `services:
  api:
    image: python:3.12-slim
  torch-cpu:
    image: pytorch/pytorch:latest
  tf:
    image: tensorflow/tensorflow:2.16.1
  tgi-amd:
    image: ghcr.io/huggingface/text-generation-inference:2.0.4-rocm
    devices: [/dev/kfd, /dev/dri]
  cdi:
    image: nvidia/cuda:12.4.1-base-ubuntu22.04
    devices: ["nvidia.com/gpu=all"]
  env-off:
    image: python
    environment:
      NVIDIA_VISIBLE_DEVICES: none
`,
    },
    {
      name: 'runtime: nvidia together with a reservation',
      code: `services:
  gpu:
    image: nvidia/cuda:12.4.1-base-ubuntu22.04
    runtime: nvidia
    deploy:
      resources:
        reservations:
          devices:
            - capabilities: [gpu]
`,
    },
  ],
  invalid: [
    {
      name: 'a CUDA image with no GPU reserved',
      code: `services:
  trainer:
    image: nvidia/cuda:12.4.1-runtime-ubuntu22.04
    command: python train.py
`,
      errors: [{ messageId: 'unreservedImage', line: 3, column: 12, endLine: 3, endColumn: 50, data: { image: 'nvidia/cuda:12.4.1-runtime-ubuntu22.04' }, service: 'trainer' }],
    },
    {
      name: 'count with device_ids, count 0, capabilities without gpu',
      code: `services:
  a:
    image: my/app
    deploy:
      resources:
        reservations:
          devices:
            - driver: nvidia
              count: 1
              device_ids: ["0"]
              capabilities: [gpu]
  b:
    image: my/app
    deploy:
      resources:
        reservations:
          devices:
            - driver: nvidia
              count: 0
              capabilities: [compute, utility]
`,
      errors: [
        { messageId: 'countAndIds', line: 9, column: 22, endLine: 9, endColumn: 23, service: 'a' },
        { messageId: 'countZero', line: 19, column: 22, endLine: 19, endColumn: 23, service: 'b' },
        { messageId: 'noGpuCapability', line: 20, column: 29, endLine: 20, endColumn: 47, service: 'b' },
      ],
    },
    {
      name: 'devices under limits, and runtime: nvidia alone',
      code: `services:
  a:
    image: pytorch/pytorch:2.3.1-cuda12.1-cudnn8-runtime
    deploy:
      resources:
        limits:
          memory: 8g
          devices:
            - capabilities: [gpu]
  b:
    image: my/app
    runtime: nvidia
    environment:
      - NVIDIA_VISIBLE_DEVICES=all
`,
      errors: [
        { messageId: 'limits', line: 8, column: 11, endLine: 8, endColumn: 18, service: 'a' },
        { messageId: 'runtimeOnly', line: 12, column: 14, endLine: 12, endColumn: 20, service: 'b' },
      ],
    },
    {
      name: 'NVIDIA_VISIBLE_DEVICES alone, and a non-NVIDIA driver for a CUDA image',
      code: `services:
  a:
    image: my/app
    environment:
      - NVIDIA_VISIBLE_DEVICES=0
  b:
    image: tensorflow/tensorflow:2.16.1-gpu
    deploy:
      resources:
        reservations:
          devices:
            - driver: amd
              capabilities: [gpu]
`,
      errors: [
        { messageId: 'unreservedEnv', line: 5, column: 9, endLine: 5, endColumn: 31, service: 'a' },
        { messageId: 'foreignDriver', line: 12, column: 23, endLine: 12, endColumn: 26, data: { driver: 'amd', image: 'tensorflow/tensorflow:2.16.1-gpu' }, service: 'b' },
      ],
    },
    {
      name: 'vLLM and TGI images',
      code: `services:
  vllm:
    image: vllm/vllm-openai:latest
  tgi:
    image: ghcr.io/huggingface/text-generation-inference:2.0
`,
      errors: [
        { messageId: 'unreservedImage', line: 3, column: 12, endLine: 3, endColumn: 35 },
        { messageId: 'unreservedImage', line: 5, column: 12, endLine: 5, endColumn: 61 },
      ],
    },
  ],
});
