// The <traffic-lab> script (/js/traffic-lab.js), a classic script for other sites' pages: it defines the element and
// takes the app's address from its own src, read while it runs (document.currentScript is only set then).
import { defineTrafficLab } from './trafficLabElement';

function ownUrl(): string {
	const current = document.currentScript;
	if (current instanceof HTMLScriptElement && current.src) {
		return current.src;
	}
	const named = document.querySelector<HTMLScriptElement>('script[src*="/js/traffic-lab.js"]');
	return named?.src ?? new URL('/js/traffic-lab.js', window.location.href).toString();
}

defineTrafficLab(window, ownUrl());
