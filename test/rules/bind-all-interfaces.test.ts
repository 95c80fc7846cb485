import rule from '../../rules/bind-all-interfaces.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    'services:\n  proxy:\n    image: nginx:1.27\n    ports: ["80:80", "443:443"]\n  api:\n    image: app\n    expose: ["8000"]\n',
    'services:\n  api:\n    image: app\n    ports:\n      - "127.0.0.1:8000:8000"\n      - "[::1]:9000:9000"\n      - target: 5432\n        published: "5432"\n        host_ip: 127.0.0.1\n',
    { name: 'proxy images from other registries', code: 'services:\n  edge:\n    image: docker.io/library/traefik:v3.1\n    ports: ["80:80"]\n  lb:\n    build: ./lb\n    ports: ["8080:8080"]\n  web:\n    image: lscr.io/linuxserver/swag\n    ports: ["443:443"]\n  gw:\n    image: haproxytech/haproxy-alpine:2.9\n    ports: ["8443:8443"]\n' },
    { name: 'entry point named by option', code: 'services:\n  ui:\n    image: app\n    ports: ["3000:3000"]\n', options: { entrypoints: ['ui'] } },
    { name: 'a service publishing host port 80 or 443 is the entry point', code: 'services:\n  gitlab:\n    image: gitlab/gitlab-ce:17.0.0-ce.0\n    ports: ["443:443", "2222:22"]\n  blog:\n    image: wordpress:6\n    ports: ["80:80"]\n' },
    { name: 'DNS, DHCP and VPN ports serve other machines', code: 'services:\n  dns:\n    image: pihole/pihole:2024.07.0\n    ports: ["53:53/tcp", "53:53/udp", "67:67/udp"]\n  vpn:\n    image: lscr.io/linuxserver/wireguard:1.0.20210914\n    ports: ["51820:51820/udp"]\n' },
    { name: 'proxy service names', code: 'services:\n  authentik-proxy:\n    image: ghcr.io/goauthentik/proxy:2024.6\n    ports: ["9443:9443"]\n  reverse_proxy:\n    build: .\n    ports: ["8443:8443"]\n' },
    { name: 'host network mode has no ports', code: 'services:\n  ui:\n    image: app\n    network_mode: host\n' },
  ],
  invalid: [
    {
      code: 'services:\n  proxy:\n    image: caddy:2\n    ports: ["443:443"]\n  api:\n    image: app\n    ports:\n      - "8000:8000"\n',
      errors: [{ messageId: 'allInterfaces', line: 8, column: 10, endLine: 8, endColumn: 14, data: { port: '8000', target: '8000', service: 'api' }, service: 'api' }],
    },
    {
      name: 'bridge network mode still publishes',
      code: 'services:\n  api:\n    image: app\n    network_mode: bridge\n    ports: ["8000:8000"]\n',
      errors: [{ messageId: 'allInterfaces', line: 5, column: 14, endLine: 5, endColumn: 18 }],
    },
    {
      name: 'explicit 0.0.0.0, ::, a range, unquoted',
      code: 'services:\n  jupyter:\n    image: quay.io/jupyter/base-notebook\n    ports:\n      - 0.0.0.0:8888:8888\n      - "[::]:6006:6006"\n      - 9000-9002:9000-9002\n',
      errors: [
        { messageId: 'allInterfaces', line: 5, column: 17, endLine: 5, endColumn: 21, data: { port: '8888', target: '8888', service: 'jupyter' } },
        { messageId: 'allInterfaces', line: 6, column: 15, endLine: 6, endColumn: 19 },
        { messageId: 'allInterfaces', line: 7, column: 9, endLine: 7, endColumn: 18, data: { port: '9000-9002', target: '9000-9002', service: 'jupyter' } },
      ],
    },
    {
      name: 'long syntax, ephemeral port, interpolated host port',
      code: 'services:\n  api:\n    image: app\n    ports:\n      - target: 80\n        published: "8080"\n      - "5000"\n      - "${API_PORT:-8000}:8000"\n',
      errors: [
        { messageId: 'allInterfaces', line: 6, column: 20, endLine: 6, endColumn: 26, data: { port: '8080', target: '80', service: 'api' } },
        { messageId: 'ephemeral', line: 7, column: 9, endLine: 7, endColumn: 15, data: { target: '5000', service: 'api' } },
        { messageId: 'allInterfaces', line: 8, column: 9, endLine: 8, endColumn: 33, data: { port: '8000', target: '8000', service: 'api' } },
      ],
    },
    {
      name: 'the web UI of a VPN server is reported, its tunnel port is not',
      code: 'services:\n  wg-easy:\n    image: ghcr.io/wg-easy/wg-easy:14\n    ports:\n      - "51820:51820/udp"\n      - "51821:51821/tcp"\n',
      errors: [{ messageId: 'allInterfaces', line: 6, column: 10, endLine: 6, endColumn: 15, data: { port: '51821', target: '51821', service: 'wg-easy' } }],
    },
    {
      name: 'options add entry points; others still reported',
      code: 'services:\n  ui:\n    image: app\n    ports: ["3000:3000"]\n  grafana:\n    image: grafana/grafana:11.0.0\n    ports: ["3001:3000"]\n',
      options: { entrypoints: ['ui'] },
      errors: [{ messageId: 'allInterfaces', line: 7, column: 14, endLine: 7, endColumn: 18, service: 'grafana' }],
    },
  ],
});
