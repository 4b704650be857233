/**
 * The SC-Bridge as plugins see it: add message types that agents and web pages can send
 * ({@link net.intercomj.api.bridge.Bridge#handle}) and push events to them
 * ({@link net.intercomj.api.bridge.Bridge#pushToAll}). Messages travel as JSON text, so a
 * plugin may use any JSON library it likes.
 *
 * <p>Static files a plugin jar carries under {@code web/} are served by the bridge at
 * {@code http://<host>:<port>/apps/<plugin-id>/}; a page served there may open a WebSocket to
 * the same host and port.
 */
package net.intercomj.api.bridge;
