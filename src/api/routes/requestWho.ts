import type { FastifyRequest } from 'fastify';
import type { User } from '../../store/people.ts';
import type { Who } from '../../store/peopleChanges.ts';

/** The signed-in caller (the permission check ran before the route, so there is one). */
export function callerOf(request: FastifyRequest): User {
  const user = request.caller?.user;
  if (!user) throw new Error(`${request.method} ${request.url}: no signed-in caller`);
  return user;
}

/** Who makes a change through the API, for its audit entry: the caller, now, from their address. */
export function requestWho(request: FastifyRequest): Who {
  return { actor: callerOf(request).name, at: new Date().toISOString(), address: request.ip };
}
