import { getTranslations } from "next-intl/server";

import { ui } from "@/components/ui/styles";
import { UserCreateForm } from "@/components/users/user-create-form";
import { UserRowActions } from "@/components/users/user-row-actions";
import { getDb } from "@/lib/db";
import { listUsers } from "@/db/queries/users";
import { requirePageUser } from "@/lib/auth/guard";
import { recentFailuresByEmail } from "@/db/queries/sign-in-failures";
import { LOCKOUT, lockedUntil } from "@/lib/auth/sign-in";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { formatDateTime } from "@/lib/format";
import { TableHead } from "@/components/ui/table-head";

export default async function UsersPage() {
  const me = await requirePageUser("user:manage");
  const t = await getTranslations();
  const users = await listUsers(getDb());
  const now = new Date();
  const failures = await recentFailuresByEmail(getDb(), new Date(now.getTime() - LOCKOUT.windowMs));
  return (
    <div className="space-y-6">
      <h1 className={ui.h1}>{t("users.title")}</h1>
      <section className={ui.card}>
        <h2 className="mb-4 text-base font-semibold">{t("users.createTitle")}</h2>
        <UserCreateForm minPassword={MIN_PASSWORD_LENGTH} />
      </section>
      <section className={`${ui.card} relative overflow-x-auto p-0`}>
        <table className={ui.table}>
          <TableHead
            className="bg-slate-50"
            headings={[
              t("users.email"),
              t("users.name"),
              t("users.role"),
              t("users.status"),
              t("users.lastSignIn"),
              t("users.createdAt"),
              t("common.actions"),
            ]}
          />
          <tbody className="divide-y divide-slate-100">
            {users.map((u) => {
              const until = lockedUntil(failures.get(u.email));
              return (
                <tr key={u.id} id={`user-${u.id}`} data-testid={`user-row-${u.email}`}>
                  <td className={ui.td}>
                    {u.email}
                    {u.id === me.id && (
                      <span className="ml-2 text-xs text-slate-500">({t("users.you")})</span>
                    )}
                  </td>
                  <td className={ui.td}>{u.name}</td>
                  <td className={ui.td}>{t(`roles.${u.role}`)}</td>
                  <td className={ui.td}>
                    {u.disabledAt ? (
                      <span className="rounded bg-red-50 px-2 py-0.5 text-xs text-red-700">
                        {t("users.disabled")}
                      </span>
                    ) : (
                      <span className="rounded bg-emerald-50 px-2 py-0.5 text-xs text-emerald-700">
                        {t("users.active")}
                      </span>
                    )}
                    {until && (
                      <span
                        className="ml-1 rounded bg-amber-50 px-2 py-0.5 text-xs text-amber-800"
                        data-testid="locked"
                      >
                        {t("users.lockedUntil", { time: formatDateTime(until) })}
                      </span>
                    )}
                  </td>
                  <td className={ui.td}>
                    {u.lastSignInAt ? formatDateTime(u.lastSignInAt) : t("users.neverSignedIn")}
                  </td>
                  <td className={ui.td}>{formatDateTime(u.createdAt)}</td>
                  <td className={ui.td}>
                    <UserRowActions
                      user={{
                        id: u.id,
                        email: u.email,
                        role: u.role,
                        disabled: Boolean(u.disabledAt),
                        locked: until !== null,
                      }}
                      isSelf={u.id === me.id}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
