/**
 * The differential cases: each script runs as `sh -c SCRIPT` in a fresh
 * container from busybox:1.37, once on real podman (runc, kernel overlayfs)
 * and once on the model. What the script prints must be stable text (no
 * times, inode numbers or sizes of directories).
 */
export interface Case {
  readonly name: string;
  readonly script: string;
}

export const CASES: readonly Case[] = [
  { name: 'delete a lower file', script: 'rm /etc/group' },
  { name: 'delete a nested lower file', script: 'rm /lib/libm.so.6' },
  { name: 'delete an empty lower dir', script: 'rmdir /var/www' },
  { name: 'delete a lower dir tree', script: 'rm -rf /var/spool' },
  { name: 'recreate a file after deleting it', script: 'rm /etc/group; echo new > /etc/group; cat /etc/group' },
  { name: 'recreate a dir after deleting it (opaque)', script: 'rm -rf /var/spool; mkdir /var/spool; ls -a /var/spool' },
  { name: 'recreate a dir with a child', script: 'rm -rf /var/spool; mkdir -p /var/spool/x; ls -a /var/spool' },
  { name: 'add a file', script: 'echo hi > /etc/hello' },
  { name: 'add a directory tree', script: 'mkdir -p /opt/a/b; echo x > /opt/a/b/c; ls -a /opt/a/b' },
  { name: 'append to a lower file', script: 'echo more >> /etc/passwd; tail -n 1 /etc/passwd' },
  { name: 'truncate a lower file', script: ': > /etc/passwd; wc -c < /etc/passwd' },
  { name: 'overwrite a lower file', script: 'echo x > /etc/nsswitch.conf; cat /etc/nsswitch.conf' },
  { name: 'chmod a lower file (copy-up)', script: 'chmod 600 /etc/passwd' },
  { name: 'chmod a lower dir', script: 'chmod 700 /home' },
  { name: 'touch a lower file (metadata copy-up)', script: 'touch /etc/passwd' },
  { name: 'chown a lower file', script: 'chown 1:1 /etc/group' },
  { name: 'rename a lower file', script: 'mv /etc/group /etc/group.old; ls /etc/group.old' },
  { name: 'rename a lower dir (EXDEV, mv copies)', script: 'mv /var/spool /var/spool2; ls -a /var/spool2 /var/spool2/mail' },
  { name: 'rename a dir created in the container', script: 'mkdir /d1; echo x > /d1/f; mv /d1 /d2; cat /d2/f' },
  { name: 'hard link to a lower file', script: 'ln /etc/passwd /etc/passwd.hl' },
  { name: 'new symlink', script: 'ln -s /etc/passwd /etc/pw; cat /etc/pw | head -n 1' },
  { name: 'replace a lower symlink', script: 'rm /lib64; ln -s /usr /lib64' },
  { name: 'delete a lower symlink', script: 'rm /lib64' },
  { name: 'nested deletes', script: 'rm -r /var/spool/mail; rm -r /var' },
  { name: 'delete one file, add a sibling', script: 'rm /etc/shadow; touch /etc/shadow2' },
  { name: 'create then delete a file (no whiteout)', script: 'echo x > /tmp/a; rm /tmp/a' },
  { name: 'create then remove a dir (no whiteout)', script: 'mkdir /new; rmdir /new' },
  { name: 'delete a hard-linked applet', script: 'rm /bin/ls; test -e /bin/ls; echo $?' },
  { name: 'add a file in an empty lower dir', script: 'echo x > /etc/network/interfaces' },
  { name: 'replace a lower file by another', script: 'mv /etc/group /etc/passwd; cat /etc/passwd | head -n 1' },
  { name: 'rmdir a non-empty lower dir fails', script: 'rmdir /etc 2>/dev/null; echo $?' },
  { name: 'merged view after changes', script: 'rm /etc/shadow; echo n > /etc/new; ls -a /etc | grep -v resolv.conf' },
  { name: 'delete then recreate a dir twice', script: 'rm -rf /home; mkdir /home; rmdir /home; mkdir /home; echo x > /home/f' },
  { name: 'write into a copied-up dir after rename', script: 'mv /usr /usr2; echo x > /usr2/sbin/tool; ls -a /usr2/sbin' },
];
