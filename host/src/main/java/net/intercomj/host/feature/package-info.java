/** Features the host runs itself: the original's sample timer ({@code --timer}). */
package net.intercomj.host.feature;
