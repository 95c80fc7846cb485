import { child, childAt, keyNode, scalarString, scalarValue, type MapNode, type Node } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { parseImageRef } from '../src/lint/model/image-ref.ts';
import { serviceEnvironment } from '../src/lint/model/key-values.ts';
import { defineRule } from '../src/lint/rule-types.ts';

/** Capabilities the NVIDIA device driver of Docker matches; `gpu` is the one compose documents. */
const NVIDIA_CAPABILITIES = new Set(['gpu', 'nvidia', 'compute', 'compat32', 'graphics', 'utility', 'video', 'display']);

/** Drivers that can hand NVIDIA GPUs to a container (`cdi` with `nvidia.com/gpu=...` ids). */
const NVIDIA_DRIVERS = new Set(['nvidia', 'cdi']);

/** Tags and names of builds for other accelerators or for the CPU: not CUDA workloads. */
const NON_CUDA = /(^|[^a-z0-9])(rocm|cpu|intel|xpu|neuron|gaudi|habana|hpu|openvino|mps|vulkan|metal)([^a-z0-9]|$)/;

export default defineRule({
  meta: {
    id: 'gpu-reservation',
    description: 'GPU requests that compose or the NVIDIA runtime reject or ignore, and GPU workloads with no GPU reserved',
    severity: 'error',
    tags: ['correctness'],
    messages: {
      countAndIds:
        'count and device_ids cannot be combined in one device request, so compose refuses the file; keep count to take any N GPUs, or device_ids to pick specific ones.',
      countZero: 'count: 0 reserves no GPU, so the container starts without one; set the number of GPUs it needs (or all), or remove the request.',
      noGpuCapability:
        'capabilities does not list gpu, so Docker may not match this request to the NVIDIA driver (and rejects capabilities it cannot match); add gpu, as in `capabilities: [gpu]`.',
      limits:
        'Devices under deploy.resources.limits reserve nothing: compose reads GPU requests only under reservations; move this list to deploy.resources.reservations.devices.',
      runtimeOnly:
        '`runtime: nvidia` reserves no GPU by itself: it relies on the legacy NVIDIA runtime and NVIDIA_VISIBLE_DEVICES; request GPUs with deploy.resources.reservations.devices (driver: nvidia, capabilities: [gpu]) or `gpus: all`.',
      unreservedImage:
        'Image "{{image}}" is a GPU workload, but the service reserves no GPU, so it fails or falls back to the CPU; add deploy.resources.reservations.devices (driver: nvidia, count, capabilities: [gpu]) or `gpus: all`.',
      unreservedEnv:
        'NVIDIA_VISIBLE_DEVICES grants no GPU by itself: Docker exposes GPUs only to a service that reserves them; add deploy.resources.reservations.devices (driver: nvidia, capabilities: [gpu]) or `gpus: all`.',
      foreignDriver:
        'Driver "{{driver}}" cannot serve the CUDA image "{{image}}", which needs an NVIDIA GPU; use driver: nvidia.',
    },
    docs: docsUrl('gpu-reservation'),
  },
  create(context) {
    return {
      service(service) {
        const node = service.node;
        const resources = childAt(node, 'deploy', 'resources');
        const reservations = deviceRequests(childAt(resources, 'reservations', 'devices'));
        const gpus = child(node, 'gpus');
        const gpuRequests = deviceRequests(gpus);
        const image = scalarString(child(node, 'image'));
        const cudaImage = image !== undefined && isGpuImage(image);

        for (const request of [...reservations, ...gpuRequests]) {
          const count = child(request, 'count');
          const ids = child(request, 'device_ids');
          if (count && ids) context.report({ node: count, messageId: 'countAndIds' });
          else if (count && (scalarValue(count) === 0 || scalarValue(count) === '0')) context.report({ node: count, messageId: 'countZero' });
          const driverNode = child(request, 'driver');
          const driver = scalarString(driverNode)?.toLowerCase();
          if (driverNode && driver !== undefined && !NVIDIA_DRIVERS.has(driver) && cudaImage) {
            context.report({ node: driverNode, messageId: 'foreignDriver', data: { driver, image: image! } });
          }
        }
        // `gpus:` entries always ask for the gpu capability; reservations must say so.
        for (const request of reservations) {
          const driver = scalarString(child(request, 'driver'))?.toLowerCase();
          const capabilities = child(request, 'capabilities');
          if (driver !== undefined && driver !== 'nvidia') continue;
          if (capabilities?.kind !== 'seq' || capabilities.items.length === 0) continue;
          const names = capabilities.items.map((item) => scalarString(item)?.toLowerCase());
          if (!names.includes('gpu')) context.report({ node: capabilities, messageId: 'noGpuCapability' });
        }

        const limitsDevices = keyNode(child(resources, 'limits'), 'devices');
        if (limitsDevices) context.report({ node: limitsDevices, messageId: 'limits' });

        const requested = reservations.length > 0 || gpus !== undefined || limitsDevices !== undefined || hasGpuDevice(node) || hasGenericGpu(resources);
        if (requested) return;
        const runtime = child(node, 'runtime');
        if (runtime?.kind === 'scalar' && scalarString(runtime)?.toLowerCase() === 'nvidia') {
          context.report({ node: runtime, messageId: 'runtimeOnly' });
          return;
        }
        if (cudaImage) {
          context.report({ node: child(node, 'image')!, messageId: 'unreservedImage', data: { image: image! } });
          return;
        }
        const visible = serviceEnvironment(node).find((entry) => entry.key === 'NVIDIA_VISIBLE_DEVICES');
        if (visible && visible.value !== null && !['', 'none', 'void'].includes(visible.value.trim().toLowerCase())) {
          context.report({ node: visible.keyLoc, messageId: 'unreservedEnv' });
        }
      },
    };
  },
});

/** The mapping entries of a device request list (`gpus: all` has none). */
function deviceRequests(list: Node | undefined): MapNode[] {
  return list?.kind === 'seq' ? list.items.filter((item): item is MapNode => item.kind === 'map') : [];
}

/** `devices:` that hand NVIDIA GPUs over directly: CDI names (`nvidia.com/gpu=all`) or `/dev/nvidia*`. */
function hasGpuDevice(service: Node): boolean {
  const devices = child(service, 'devices');
  if (devices?.kind !== 'seq') return false;
  return devices.items.some((item) => {
    const text = item.kind === 'map' ? scalarString(child(item, 'source')) : scalarString(item);
    return text !== undefined && /nvidia/i.test(text);
  });
}

/** Swarm's generic resources (`discrete_resource_spec: {kind: gpu}`). */
function hasGenericGpu(resources: Node | undefined): boolean {
  const generic = childAt(resources, 'reservations', 'generic_resources');
  if (generic?.kind !== 'seq') return false;
  return generic.items.some((item) => /gpu/i.test(scalarString(childAt(item, 'discrete_resource_spec', 'kind')) ?? ''));
}

/**
 * Images that need an NVIDIA GPU: CUDA bases, NVIDIA's NGC images (PyTorch,
 * TensorFlow, Triton, ...), the CUDA builds of PyTorch and TensorFlow, vLLM,
 * Hugging Face TGI, and any image whose name or tag says cuda, gpu or tensorrt.
 */
function isGpuImage(image: string): boolean {
  const ref = parseImageRef(image.toLowerCase());
  if (!ref) return false;
  const tag = ref.tag ?? '';
  const repository = ref.repository;
  if (NON_CUDA.test(tag) || NON_CUDA.test(repository)) return false;
  if (ref.registry === 'nvcr.io' && repository.startsWith('nvidia/')) return true;
  if (repository.startsWith('nvidia/cuda')) return true;
  if (repository === 'pytorch/pytorch') return tag.includes('cuda');
  if (repository === 'tensorflow/tensorflow') return /gpu/.test(tag);
  if (ref.name === 'tritonserver' || repository === 'vllm/vllm-openai' || repository === 'huggingface/text-generation-inference') return true;
  return /cuda|tensorrt|(^|[^a-z0-9])gpu([^a-z0-9]|$)/.test(`${ref.name} ${tag}`);
}
