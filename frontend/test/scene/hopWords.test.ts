import { describe, expect, it } from 'vitest';
import { hopSentence, hopWords } from '../../src/scene/hopWords';
import { CLIENT, routedViaN3 } from './fixtures';

const hops = routedViaN3(7, 1_000_000).hops;

describe('hop words', () => {
	it('say where the packet is and which hop of how many', () => {
		expect(hopWords(hops[1], 1, hops.length, 7).heading).toBe('#7 · hop 2 of 10 · request at the load balancer');
		expect(hopWords(hops[4], 4, hops.length, 7).heading).toBe('#7 · hop 5 of 10 · request at web-4');
	});

	it('show the source and destination before and after the rewrite, named from the hop', () => {
		const words = hopWords(hops[2], 2, hops.length, 7);
		expect(words.source).toBe(`src ${CLIENT}:40000 → 192.168.0.13:40000 (SNAT)`);
		expect(words.sourceShort).toBe(`src ${CLIENT} → 192.168.0.13 (SNAT)`);
		expect(words.destination).toBe('dst 198.51.100.10:80 → 10.244.2.10:8080 (DNAT)');
		expect(words.destinationShort).toBe('dst 198.51.100.10 → 10.244.2.10 (DNAT)');
		expect(words.reason).toBe('at n3');
	});

	it('name the reply\'s rewrites as conntrack reversing them, and leave unchanged addresses alone', () => {
		const back = hopWords(hops[7], 7, hops.length, 7);
		expect(back.source).toBe('src 10.244.2.10:8080 → 198.51.100.10:80 (reverse DNAT)');
		expect(back.destination).toBe(`dst 192.168.0.13:40000 → ${CLIENT}:40000 (reverse SNAT)`);
		const plain = hopWords(hops[0], 0, hops.length, 7);
		expect(plain.source).toBe(`src ${CLIENT}:40000`);
		expect(plain.destinationShort).toBe('dst 198.51.100.10:80');
	});

	it('keep the ports when only a port is rewritten', () => {
		const portOnly = { ...hops[2], srcBefore: '192.168.0.13:40000', srcAfter: '192.168.0.13:41000' };
		expect(hopWords(portOnly, 2, hops.length, 7).sourceShort).toBe('src 192.168.0.13:40000 → 192.168.0.13:41000 (SNAT)');
	});

	it('read out a whole hop for the live region', () => {
		expect(hopSentence({ ...hops[2], reason: 'kube-proxy: DNAT to web-4.' }, 2, hops.length, 7, CLIENT)).toBe(
			`Following connection 7 from ${CLIENT}, hop 3 of 10, request at n3: src ${CLIENT}:40000 → 192.168.0.13:40000 (SNAT); `
			+ 'dst 198.51.100.10:80 → 10.244.2.10:8080 (DNAT); kube-proxy: DNAT to web-4.');
	});
});
