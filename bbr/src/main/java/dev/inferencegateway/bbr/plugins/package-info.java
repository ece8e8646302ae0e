/** The built-in BBR plugins and their {@link dev.inferencegateway.bbr.plugins.BbrPlugins} bundle. */
package dev.inferencegateway.bbr.plugins;
