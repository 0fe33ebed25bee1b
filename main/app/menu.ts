/**
 * The native menu: standard roles only, so every platform gets its usual
 * keyboard shortcuts (copy/paste/undo, zoom, full screen, window handling)
 * for free. Reload and DevTools exist only in development: a reload drops the
 * session the renderer holds, and DevTools has no place at a clinic desk.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { Menu } from 'electron';

export function buildMenu(options: { packaged: boolean; platform: NodeJS.Platform }): Menu {
  const mac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: '&File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        ...(options.packaged
          ? []
          : ([
              { role: 'reload' },
              { role: 'forceReload' },
              { role: 'toggleDevTools' },
              { type: 'separator' },
            ] satisfies MenuItemConstructorOptions[])),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
